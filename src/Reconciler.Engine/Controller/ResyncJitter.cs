namespace Reconciler.Engine.Controller;

/// <summary>
/// The resync loop's spacing: interval ± 10 %, so daemons started together do not hit the API in step. The
/// controller's resync loop is the one resync mechanism; this is its only arithmetic, kept apart to be tested.
/// </summary>
internal static class ResyncJitter
{
    public const double Spread = 0.1;

    /// <summary>interval × (1 + spread × (2r − 1)) for r in [0, 1): uniformly within ± spread.</summary>
    public static TimeSpan NextDelay(TimeSpan interval, double r, double spread = Spread) => interval * (1 + (spread * ((2 * r) - 1)));
}
