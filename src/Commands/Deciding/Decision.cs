using CupsAndString.Contracts.Messages;

namespace CupsAndString.Commands.Deciding;

/// <summary>
/// What a decider concluded: the events to append and the reply, or a rejection and no events.
/// An accepted decision with no events means the command asked for what already holds.
/// </summary>
public sealed record Decision<TReply>(IReadOnlyList<object> Events, TReply? Reply, CommandRejected? Rejection)
    where TReply : class
{
    public bool IsRejected => Rejection is not null;

    public static Decision<TReply> Accept(TReply reply, params object[] events) => new(events, reply, null);

    public static Decision<TReply> Reject(string rule, string reason) =>
        new([], null, new CommandRejected(rule, reason));
}
