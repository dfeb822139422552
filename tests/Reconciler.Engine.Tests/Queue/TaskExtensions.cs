namespace Reconciler.Engine.Tests.Queue;

/// <summary>Bounds awaits on tasks a bug could leave pending forever, so a broken queue fails instead of hanging the run.</summary>
internal static class TaskExtensions
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static Task<T> Soon<T>(this Task<T> task) => task.WaitAsync(Bound);
}
