using System.Diagnostics;
using System.Security.Cryptography;
using PanelAgent.Core.Codes;

namespace PanelAgent.Bench;

/// <summary>
/// How long checking one code against one stored hash takes at the production cost
/// (<see cref="CodeHasher.DefaultIterations"/>). A keypad entry checks every stored user, so a panel with N users
/// waits about N times this; tune Panel:Codes:HashIterations on the board so that stays under half a second.
/// </summary>
internal static class CodeVerifyBench
{
    public static Figure Measure(bool quick)
    {
        var hasher = new CodeHasher(RandomNumberGenerator.GetBytes(32), CodeHasher.DefaultIterations);
        var stored = hasher.Hash("258013");
        hasher.Verify("604918", stored); // warm-up
        var samples = new List<double>();
        for (var i = 0; i < (quick ? 5 : 21); i++)
        {
            var started = Stopwatch.GetTimestamp();
            hasher.Verify("604918", stored);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        samples.Sort();
        return new Figure("code-verify", Math.Round(samples[samples.Count / 2], 2), "ms");
    }
}
