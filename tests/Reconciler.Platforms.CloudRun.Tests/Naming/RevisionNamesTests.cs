using Reconciler.Platforms.CloudRun.Naming;

namespace Reconciler.Platforms.CloudRun.Tests.Naming;

/// <summary>Deterministic revision names: same template, same name; at most 63 characters; lowercase.</summary>
public sealed class RevisionNamesTests
{
    private const string Fingerprint = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Test]
    public void A_name_is_the_service_and_the_first_twelve_hex_chars_of_the_fingerprint() =>
        Assert.That(RevisionNames.For("web", Fingerprint), Is.EqualTo("web-9f86d081884c"));

    [Test]
    public void The_same_fingerprint_always_gives_the_same_name() =>
        Assert.That(RevisionNames.For("Web", Fingerprint.ToUpperInvariant()), Is.EqualTo(RevisionNames.For("web", Fingerprint)));

    [Test]
    public void A_long_service_name_keeps_the_name_within_63_characters()
    {
        var service = new string('s', 49);

        var name = RevisionNames.For(service, Fingerprint);

        Assert.That(name, Has.Length.EqualTo(62));
        Assert.That(RevisionNames.ForConflict(service, Fingerprint), Has.Length.LessThanOrEqualTo(63));
    }

    [Test]
    public void The_conflict_name_is_longer_and_as_deterministic() =>
        Assert.That(RevisionNames.ForConflict("web", Fingerprint), Is.EqualTo("web-9f86d081884c7d659a2feaa0"));

    [Test]
    public void A_fingerprint_that_is_not_hex_is_a_programming_error() =>
        Assert.That(() => RevisionNames.For("web", "not-hex"), Throws.ArgumentException);

    [TestCase("web-9f86d081884c", true, TestName = "A name Reconciler gives is recognised as its own")]
    [TestCase("web-00001-abc", false, TestName = "A gcloud-style name is not Reconciler's")]
    [TestCase("webshop-9f86d081884c", false, TestName = "Another service's revision is not this service's")]
    public void Ours(string revision, bool expected) => Assert.That(RevisionNames.IsOurs("web", revision), Is.EqualTo(expected));
}
