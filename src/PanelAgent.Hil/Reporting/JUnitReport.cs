using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PanelAgent.Hil.Running;

namespace PanelAgent.Hil.Reporting;

/// <summary>
/// JUnit XML for CI: a testsuite per scenario (named after it), a testcase per step (<c>NN kind summary</c>),
/// a failure with its message, skipped steps after a failure, totals on every suite and on the root.
/// </summary>
public static class JUnitReport
{
    public static XDocument Build(IReadOnlyList<ScenarioResult> results)
    {
        var suites = results.Select(Suite).ToList();
        var root = new XElement("testsuites", new XAttribute("name", "panel-hil"));
        AddTotals(root, suites);
        root.Add(suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    public static void Save(IReadOnlyList<ScenarioResult> results, string path)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var writer = XmlWriter.Create(path, settings);
        Build(results).Save(writer);
    }

    private static XElement Suite(ScenarioResult result)
    {
        var cases = result.Steps.Select(s => Case(result, s)).ToList();
        if (result.SetupError is { } error)
        {
            cases.Insert(0, new XElement("testcase", new XAttribute("name", "00 setup"),
                new XAttribute("classname", result.Scenario.Name), new XAttribute("time", "0"),
                new XElement("error", new XAttribute("message", Clean(error)))));
        }

        var suite = new XElement("testsuite", new XAttribute("name", result.Scenario.Name));
        if (result.Source is { } source)
        {
            suite.Add(new XAttribute("file", source));
        }

        AddTotals(suite, cases);
        suite.Add(cases);
        suite.Add(new XElement("system-out", Clean(Timeline(result))));
        return suite;
    }

    private static XElement Case(ScenarioResult result, StepResult step)
    {
        var name = $"{step.Step.Number.ToString("00", CultureInfo.InvariantCulture)} {step.Step.Display}";
        var element = new XElement("testcase", new XAttribute("name", name),
            new XAttribute("classname", result.Scenario.Name), new XAttribute("time", Seconds(step.WallTime)));
        if (step.Outcome == StepOutcome.Failed)
        {
            var seen = string.Join('\n', step.Seen.Select(e => RunFormat.EventLine(e, e.At - result.Start)));
            element.Add(new XElement("failure", new XAttribute("message", Clean(step.Message)),
                new XAttribute("type", "step"), Clean(seen)));
        }
        else if (step.Outcome == StepOutcome.Skipped)
        {
            element.Add(new XElement("skipped", new XAttribute("message", Clean(step.Message))));
        }

        return element;
    }

    /// <summary>Sets tests, failures, errors, skipped and time: counted from testcases, summed over testsuites.</summary>
    private static void AddTotals(XElement element, IReadOnlyList<XElement> children)
    {
        static double Sum(IEnumerable<XElement> items, string attribute) =>
            items.Sum(i => double.Parse((string?)i.Attribute(attribute) ?? "0", CultureInfo.InvariantCulture));

        var cases = children.All(c => c.Name == "testcase");
        int Count(string child, string attribute) =>
            cases ? children.Count(c => c.Element(child) is not null) : (int)Sum(children, attribute);
        element.Add(
            new XAttribute("tests", cases ? children.Count : (int)Sum(children, "tests")),
            new XAttribute("failures", Count("failure", "failures")),
            new XAttribute("errors", Count("error", "errors")),
            new XAttribute("skipped", Count("skipped", "skipped")),
            new XAttribute("time", Sum(children, "time").ToString("0.000", CultureInfo.InvariantCulture)));
    }

    private static string Timeline(ScenarioResult result) =>
        string.Join('\n', result.Events.Select(e => RunFormat.EventLine(e, e.At - result.Start)));

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot hold every character a target's message might contain (control characters).</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i++, 2);
            }
        }

        return clean.ToString();
    }
}
