namespace Reconciler.Emulator.Faults;

/// <summary>
/// Decides, per call, which fault (if any) to apply: first the test hooks in the order they were added,
/// then the random rates. Thread-safe; the seeded Random is only touched under the lock.
/// </summary>
internal sealed class FaultInjector(FaultOptions options, int seed)
{
    private readonly Lock _gate = new();
    private readonly List<ICallHook> _hooks = [];
    private Random _random = new(seed);
    private FaultOptions _options = options;

    public FaultOptions Options
    {
        get { lock (_gate) { return _options; } }
        set
        {
            var problems = value.Problems().ToList();
            if (problems.Count > 0)
            {
                throw new ArgumentException("Invalid fault options: " + string.Join("; ", problems));
            }
            lock (_gate) { _options = value; }
        }
    }

    public void AddHook(ICallHook hook)
    {
        lock (_gate) { _hooks.Add(hook); }
    }

    public void Completed(WireCall call, bool succeeded)
    {
        lock (_gate)
        {
            foreach (var hook in _hooks.ToList())
            {
                hook.After(call, succeeded);
            }
        }
    }

    public void Reset(int newSeed)
    {
        lock (_gate)
        {
            _hooks.Clear();
            _random = new Random(newSeed);
        }
    }

    public CallDirective Decide(WireCall call, out TimeSpan latency)
    {
        lock (_gate)
        {
            latency = Latency(call.Operation);
            foreach (var hook in _hooks.ToList())
            {
                var directive = hook.Before(call);
                if (directive is not CallDirective.ProceedDirective)
                {
                    return directive;
                }
            }
            return _options.AppliesTo(call.Operation) ? Draw(call.Service) : CallDirective.Proceed;
        }
    }

    private TimeSpan Latency(string operation)
    {
        if (_options.LatencyMs <= 0 || !_options.AppliesTo(operation))
        {
            return TimeSpan.Zero;
        }
        // Draw only for a partial rate, so adding latency to every call leaves the other faults' sequence unchanged.
        var delayed = _options.LatencyRate >= 1 || _random.NextDouble() < _options.LatencyRate;
        return delayed ? TimeSpan.FromMilliseconds(_options.LatencyMs) : TimeSpan.Zero;
    }

    private CallDirective Draw(string service)
    {
        // One draw per kind keeps each rate independent of the others.
        if (_random.NextDouble() < _options.DropRate)
        {
            return CallDirective.Drop;
        }
        if (_random.NextDouble() < _options.ErrorRate)
        {
            return service == "ssm"
                ? CallDirective.Fail("InternalServerError", "An internal error occurred.", 500)
                : CallDirective.Fail("ServerException", "Service Unavailable. Please try again later.", 500);
        }
        return _random.NextDouble() < _options.ThrottleRate
            ? CallDirective.Fail("ThrottlingException", "Rate exceeded", 400)
            : CallDirective.Proceed;
    }
}
