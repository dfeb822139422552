using System.Diagnostics;
using Reconciler.Core.Model;
using Reconciler.Core.Outcomes;
using Reconciler.Core.Telemetry;

namespace Reconciler.Engine.Metrics;

/// <summary>
/// One span per reconcile on the <see cref="TelemetryNames.ActivitySource"/> source; the cloud calls made inside it
/// (<see cref="CloudApiTelemetry.StartCall"/>) become its children. Attributes are the resource, kind, git revision and
/// outcome — the outcome's message is not one (it can quote cloud text), only its fixed word.
/// </summary>
internal static class ReconcileTracing
{
    private static readonly ActivitySource Source = new(TelemetryNames.ActivitySource);

    public static Activity? Start(ResourceKey key, string revision)
    {
        var activity = Source.StartActivity("reconcile " + key.Kind, ActivityKind.Internal);
        activity?.SetTag("reconciler.resource", key.Name);
        activity?.SetTag("reconciler.kind", key.Kind);
        activity?.SetTag("reconciler.revision", revision);
        return activity;
    }

    public static void End(Activity? activity, ReconcileOutcome outcome)
    {
        if (activity is null) return;
        var word = OutcomeLabel.Of(outcome);
        activity.SetTag("reconciler.outcome", word);
        if (outcome is ReconcileOutcome.Failed) activity.SetStatus(ActivityStatusCode.Error, word);
    }

    /// <summary>The trace id logged with every line of the reconcile ("" when tracing is off and no span exists).</summary>
    public static string TraceId(Activity? activity) => activity?.TraceId.ToHexString() ?? "";
}
