using Reconciler.Emulator.Simulation;

namespace Reconciler.Emulator.Tests.Simulation;

internal sealed class ImageRulesTests
{
    private static IEnumerable<TestCaseData> Tags()
    {
        yield return new TestCaseData("nginx", ContainerBehaviour.Healthy).SetName("an image without a tag is healthy");
        yield return new TestCaseData("shop/web:1.0", ContainerBehaviour.Healthy).SetName("an ordinary tag is healthy");
        yield return new TestCaseData("shop/web:1.0-unhealthy", ContainerBehaviour.Unhealthy).SetName("a tag ending -unhealthy fails its health check");
        yield return new TestCaseData("localhost:5000/web:2-crash", ContainerBehaviour.Crash).SetName("a tag ending -crash exits, even behind a registry port");
        yield return new TestCaseData("localhost:5000/web-crash", ContainerBehaviour.Healthy).SetName("a registry port is not a tag");
        yield return new TestCaseData("backend:fix-v3-startup-90s", ContainerBehaviour.SlowStart(90)).SetName("a tag ending -startup-90s needs 90 seconds");
        yield return new TestCaseData("web:1-startup-90s@sha256:abc", ContainerBehaviour.SlowStart(90)).SetName("a digest after the tag is ignored");
        yield return new TestCaseData("web:unhealthy-but-not-last", ContainerBehaviour.Healthy).SetName("the convention only matches at the end of the tag");
    }

    [TestCaseSource(nameof(Tags))]
    public void Tag_conventions(string image, ContainerBehaviour expected) => Assert.That(ImageRules.FromTag(image), Is.EqualTo(expected));

    [Test]
    public void Run_time_rules_win_over_tags_and_the_first_matching_rule_wins()
    {
        var rules = new ImageRules();
        rules.Replace([ImageRule.ForPattern("^shop/", ContainerBehaviour.SlowStart(40)), ImageRule.ForSuffix("-crash", ContainerBehaviour.Healthy)]);

        Assert.That(rules.Resolve("shop/web:1-crash"), Is.EqualTo(ContainerBehaviour.SlowStart(40)));
        Assert.That(rules.Resolve("other:1-crash"), Is.EqualTo(ContainerBehaviour.Healthy));
        Assert.That(rules.Resolve("other:1-unhealthy"), Is.EqualTo(ContainerBehaviour.Unhealthy));
    }

    [Test]
    public void A_rule_must_name_exactly_one_way_to_match()
    {
        var rules = new ImageRules();

        var error = Assert.Throws<ArgumentException>(() => rules.Replace([new ImageRule(ContainerBehaviour.Crash, Image: "a", Suffix: "b")]));

        Assert.That(error!.Message, Does.Contain("rule 0"));
    }
}
