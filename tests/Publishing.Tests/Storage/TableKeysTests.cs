using Publishing.Storage;

namespace Publishing.Tests.Storage;

public class TableKeysTests
{
    [Theory]
    [InlineData("user:editor1", "user:editor1")]
    [InlineData("role:InitialReviewer", "role:InitialReviewer")]
    [InlineData("临沂市/商务局#1?", "临沂市%2F商务局%231%3F")]
    [InlineData("a\\b%c\td", "a%5Cb%25c%09d")]
    public void Escape_ForbiddenCharacters_AreReplacedReversibly(string value, string expected)
    {
        Assert.Equal(expected, TableKeys.Escape(value));
    }

    [Fact]
    public void Escape_DistinctValues_StayDistinct()
    {
        // '%' is escaped too, so an already-escaped-looking value cannot collide with a real one.
        Assert.NotEqual(TableKeys.Escape("a/b"), TableKeys.Escape("a%2Fb"));
    }
}
