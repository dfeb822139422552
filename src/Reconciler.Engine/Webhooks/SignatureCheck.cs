namespace Reconciler.Engine.Webhooks;

/// <summary>Outcome of checking a webhook signature; everything but <see cref="Valid"/> is answered with 401.</summary>
public enum SignatureCheck
{
    Valid,

    /// <summary>No X-Hub-Signature-256 header: the sender has no secret configured.</summary>
    Missing,

    /// <summary>Not "sha256=" followed by 64 hex digits (e.g. the legacy sha1= header).</summary>
    Malformed,

    /// <summary>Well formed but wrong: a different secret, or the body was altered.</summary>
    Mismatch,
}
