namespace OneWindow.Web.Infrastructure;

/// <summary>
/// The loop of a background sweep: a pass at once, then one at every tick of the clock until the host stops. A pass that
/// fails is logged and the next tick runs it again (a sweep takes up what is due, so nothing is lost by a failed pass);
/// an interval of zero or less runs nothing, the setting that turns a sweep off (as the tests do).
/// </summary>
public static class PeriodicPass
{
    public static async Task RunAsync(TimeProvider clock, TimeSpan interval, Func<CancellationToken, Task> pass, ILogger logger, string sweep, CancellationToken stoppingToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Sweep} failed; it runs again at the next tick", sweep);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
