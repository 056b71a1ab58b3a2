namespace Comintech.Dsr.Evidence;

/// <summary>One of <see cref="EvidenceEvents"/>: the type's name on the chain and the sentence staff read a link of it as.</summary>
public sealed record EvidenceType(string Name, Func<EvidenceDetails, string> Sentence);
