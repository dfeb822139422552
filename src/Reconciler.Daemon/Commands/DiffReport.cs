using System.Text;
using Reconciler.Core.Model;
using Reconciler.Core.Reconciling;

namespace Reconciler.Daemon.Commands;

/// <summary>Human diff of one resource: state, changed fields (secrets redacted) and the planned actions.</summary>
internal static class DiffReport
{
    public static string Render(ResourceKey key, Decision decision)
    {
        var text = new StringBuilder();
        var changes = decision.DifferingFields;
        var state = decision switch
        {
            Decision.InSync => "Synced",
            Decision.Watch => "Synced (rollout in progress)",
            Decision.Completed => "Synced (rollout completed)",
            // "Missing" comes from health, which every platform reports, not from an ECS action type.
            Decision.Converge { Health.Status: Core.Health.HealthStatus.Missing } => "Missing",
            Decision.Converge => "OutOfSync",
            Decision.RollBack => "OutOfSync (rollout failed)",
            _ => "OutOfSync (stalled)",
        };
        text.Append(key).Append(": ").Append(state);
        text.Append(" [").Append(decision.Health.Status).Append(']');
        text.AppendLine(changes.Count > 0 ? $" ({changes.Count} change{(changes.Count == 1 ? "" : "s")})" : "");
        foreach (var change in changes)
        {
            var c = change.Redacted;
            text.Append("  ~ ").Append(c.Path).Append(": ").Append(c.Observed ?? "(unset)").Append(" -> ").AppendLine(c.Desired ?? "(unset)");
        }
        if (decision is Decision.Stalled or Decision.RollBack)
        {
            text.Append("  ! ").AppendLine(decision.Message);
        }
        if (!decision.Plan.IsEmpty)
        {
            text.Append("  plan: ").AppendLine(string.Join(", ", decision.Plan.Actions.Select(a => a.Verb)));
        }
        return text.ToString();
    }
}
