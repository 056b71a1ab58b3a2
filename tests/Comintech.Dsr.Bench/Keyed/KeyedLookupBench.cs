namespace Comintech.Dsr.Bench.Keyed;

public static class KeyedLookupBench
{
    public static Task<int> RunAsync(IReadOnlyDictionary<string, int> settings, TextWriter log) => Task.FromResult(1);
}
