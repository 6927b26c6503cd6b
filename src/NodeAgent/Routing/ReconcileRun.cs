using Microsoft.Extensions.Logging;

namespace CupsAndString.NodeAgent.Routing;

/// <summary>The changes one reconcile made, each with the action that undoes it.</summary>
internal sealed class ReconcileRun
{
    private readonly string overlay;
    private readonly ILogger logger;
    private readonly Stack<(string Change, Action Undo)> undo = new();
    private readonly List<string> changes = [];

    public ReconcileRun(string overlay, ILogger logger)
    {
        this.overlay = overlay;
        this.logger = logger;
    }

    public IReadOnlyList<string> Changes => changes;

    public void Done(string change, Action undoAction)
    {
        changes.Add(change);
        undo.Push((change, undoAction));
    }

    /// <summary>Records a change that the change before it already knows how to undo.</summary>
    public void Note(string change) => changes.Add(change);

    /// <summary>Undoes every change in reverse order; a failing undo is logged and skipped.</summary>
    public void Undo(Exception cause)
    {
        logger.Undoing(overlay, cause.Message, undo.Count);
        while (undo.TryPop(out var entry))
        {
            try
            {
                entry.Undo();
            }
            catch (Exception e)
            {
                logger.UndoFailed(overlay, entry.Change, e);
            }
        }
    }
}
