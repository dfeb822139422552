using Reconciler.Core.Model;
using Reconciler.Manifests.Validation;

namespace Reconciler.Manifests.Linting;

/// <summary>One advisory rule: reports warnings (never errors), each naming the fix. Codes RC1001 and up.</summary>
internal interface ILintRule
{
    void Check(ResourceManifest manifest, Findings findings);
}
