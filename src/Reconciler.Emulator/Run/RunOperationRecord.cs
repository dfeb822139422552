namespace Reconciler.Emulator.Run;

/// <summary>
/// A long-running operation of a write: done once the revision it created settled (Ready or failed), or — when the
/// write made no revision — <see cref="RunServiceRecord.SettleSeconds"/> after it started.
/// </summary>
internal sealed record RunOperationRecord(string Name, string ServiceName, DateTimeOffset Started, RunRevisionRecord? Revision, bool Delete = false);
