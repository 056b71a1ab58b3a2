namespace Comintech.Dsr.Bench.Storm;

public static class StormBench
{
    public static Task<int> RunAsync(IReadOnlyDictionary<string, int> settings, TextWriter log) => Task.FromResult(1);
}
