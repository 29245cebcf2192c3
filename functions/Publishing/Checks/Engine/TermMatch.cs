namespace Publishing.Checks.Engine;

/// <summary>One dictionary hit: which term (index into the automaton's term list) and where it sits in the text.</summary>
public readonly record struct TermMatch(int TermIndex, int Start, int Length);
