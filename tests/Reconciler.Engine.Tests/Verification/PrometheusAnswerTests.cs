using System.Text.Json;
using Reconciler.Core.Verification;
using Reconciler.Engine.Verification;

namespace Reconciler.Engine.Tests.Verification;

/// <summary>How an answer of Prometheus's <c>/api/v1/query</c> (shapes as documented for the HTTP API) is judged.</summary>
public sealed class PrometheusAnswerTests
{
    private static IEnumerable<TestCaseData> Answers()
    {
        yield return Case("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"0.002"]}]}}""",
            CheckResult.Pass, "value 0.002 < 0.01", "a single-element vector under the threshold passes");
        yield return Case("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"0.07"]}]}}""",
            CheckResult.Fail, "value 0.07, wants < 0.01", "a value above the threshold fails with the value as evidence");
        yield return Case("""{"status":"success","data":{"resultType":"scalar","result":[1700000000,"0"]}}""",
            CheckResult.Pass, "value 0 < 0.01", "a scalar is judged like a one-element vector");
        yield return Case("""{"status":"success","data":{"resultType":"vector","result":[]}}""",
            CheckResult.Inconclusive, "the query returned no data", "an empty vector is inconclusive");
        yield return Case("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"NaN"]}]}}""",
            CheckResult.Inconclusive, "the query returned NaN (no traffic to divide by?)", "NaN is inconclusive");
        yield return Case("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"+Inf"]}]}}""",
            CheckResult.Fail, "value Infinity, wants < 0.01", "+Inf is a value, and above any threshold");
        yield return Case("""{"status":"error","errorType":"bad_data","error":"parse error at char 4"}""",
            CheckResult.Fail, "Prometheus rejected the query: parse error at char 4", "a query Prometheus rejects fails with its error");
    }

    private static TestCaseData Case(string json, CheckResult result, string evidence, string name) =>
        new TestCaseData(json, result, evidence).SetName(name);

    [TestCaseSource(nameof(Answers))]
    public void An_answer_is_judged(string json, CheckResult result, string evidence)
    {
        SuccessCondition.TryParse("< 0.01", out var condition);
        using var doc = JsonDocument.Parse(json);
        Assert.That(PrometheusQuery.Judge(doc.RootElement, condition), Is.EqualTo(new CheckOutcome(result, evidence)));
    }

    [Test]
    public void More_than_one_series_is_a_failure_that_says_to_aggregate()
    {
        SuccessCondition.TryParse("< 0.01", out var condition);
        using var doc = JsonDocument.Parse("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"1"},"value":[1,"0"]},{"metric":{"a":"2"},"value":[1,"0"]}]}}""");
        Assert.That(() => PrometheusQuery.Judge(doc.RootElement, condition), Throws.TypeOf<QueryShapeException>().With.Message.Contains("aggregate it to one"));
    }
}
