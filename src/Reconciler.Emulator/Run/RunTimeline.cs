namespace Reconciler.Emulator.Run;

/// <summary>A revision's planned life: ready at <see cref="ReadyAt"/>, or failed at <see cref="FailAt"/> with a revision reason and message.</summary>
internal sealed record RunTimeline(DateTimeOffset? ReadyAt, DateTimeOffset? FailAt, string? RevisionReason, string? Message)
{
    public RunRevisionState StateAt(DateTimeOffset now) =>
        FailAt is { } f && f <= now ? RunRevisionState.Failed
        : ReadyAt is { } r && r <= now ? RunRevisionState.Ready
        : RunRevisionState.Pending;
}
