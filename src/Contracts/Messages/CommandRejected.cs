namespace CupsAndString.Contracts.Messages;

/// <summary>
/// The reply to any command or query that broke a rule. Rule is a short stable code
/// (e.g. "name-taken"); Reason is a sentence the operator can act on.
/// </summary>
public sealed record CommandRejected(string Rule, string Reason);
