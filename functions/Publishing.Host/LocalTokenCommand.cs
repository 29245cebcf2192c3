using Publishing.Host.Identity;

namespace Publishing.Host;

/// <summary><c>Publishing.Host token &lt;user&gt;</c>: prints a bearer token for a configured local user.</summary>
static class LocalTokenCommand
{
    public static int Run(string[] args)
    {
        var configuration = new ConfigurationBuilder();
        configuration.AddLocalSettings(AppContext.BaseDirectory);
        configuration.AddLocalSettings(Directory.GetCurrentDirectory());
        configuration.AddEnvironmentVariables();
        var config = configuration.Build();

        var users = LocalUsers.Read(config);
        if (args.Length < 2)
        {
            Console.Error.WriteLine($"usage: token <user>   (users: {string.Join(", ", users.Select(u => u.Id))})");
            return 2;
        }

        var user = users.FirstOrDefault(u => u.Id == args[1]);
        if (user is null)
        {
            Console.Error.WriteLine($"Unknown user '{args[1]}'. Configured users: {string.Join(", ", users.Select(u => u.Id))}.");
            return 2;
        }

        var options = config.GetSection(LocalAuthOptions.Section).Get<LocalAuthOptions>() ?? new();
        if (options.SigningKey.Length < 32)
        {
            Console.Error.WriteLine("Publishing__Auth__SigningKey is not set (copy local.settings.sample.json to local.settings.json).");
            return 2;
        }

        Console.WriteLine(LocalTokenIssuer.Issue(user, options));
        return 0;
    }
}
