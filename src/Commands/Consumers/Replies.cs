using CupsAndString.Commands.Deciding;
using CupsAndString.Contracts.Messages;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Commands.Consumers;

/// <summary>Answers a request with the decision's reply or its rejection.</summary>
internal static class Replies
{
    public static Task Send<TCommand, TReply>(
        ConsumeContext<TCommand> context,
        Decision<TReply>? decision,
        ILogger logger)
        where TCommand : class
        where TReply : class
    {
        var command = typeof(TCommand).Name;
        var rejection = decision is null
            ? new CommandRejected(
                Rules.Contended,
                $"too many changes reached the same overlay at once ({ConflictRetry.MaxAttempts} attempts); "
                + "send the command again")
            : decision.Rejection;
        if (rejection is not null)
        {
            CommandLog.Rejected(logger, command, rejection.Rule, rejection.Reason);
            return context.RespondAsync(rejection);
        }

        return context.RespondAsync(decision!.Reply!);
    }
}
