namespace Publishing.Checks.Engine;

/// <summary>The plain trie the automaton is compiled from; only lives during construction.</summary>
sealed class TrieBuilder
{
    public List<Dictionary<char, int>> Children { get; } = [[]];

    public List<List<int>> Terminal { get; } = [[]];

    public void Add(string term, int termIndex)
    {
        int state = 0;
        foreach (char c in term)
        {
            if (!Children[state].TryGetValue(c, out int next))
            {
                next = Children.Count;
                Children.Add([]);
                Terminal.Add([]);
                Children[state].Add(c, next);
            }

            state = next;
        }

        if (!Terminal[state].Contains(termIndex))
        {
            Terminal[state].Add(termIndex);
        }
    }
}
