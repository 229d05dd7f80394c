namespace OneWindow.Web.Tests.Architecture.Probe.Supervision
{
    /// <summary>A stand-in for a later module, for the test that proves the dependency check finds a back edge.</summary>
    public static class Alerts
    {
        public static int Count() => 1;
    }
}

namespace OneWindow.Web.Tests.Architecture.Probe.Cases
{
    /// <summary>A deliberate back edge hidden in a lambda: "Cases" calls "Supervision".</summary>
    public static class BackEdge
    {
        public static Func<int> Hidden() => () => Supervision.Alerts.Count();
    }
}
