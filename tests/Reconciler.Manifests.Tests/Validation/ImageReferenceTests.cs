using Reconciler.Manifests.Validation;

namespace Reconciler.Manifests.Tests.Validation;

/// <summary>The Docker reference grammar (distribution/reference), accepted and refused forms.</summary>
public sealed class ImageReferenceTests
{
    [TestCase("nginx")]
    [TestCase("nginx:1.27")]
    [TestCase("library/nginx:latest")]
    [TestCase("localhost/web:v1")]
    [TestCase("localhost:5000/web:v1")]
    [TestCase("557937909547.dkr.ecr.eu-west-3.amazonaws.com/plan-charge-backend:v1.4.2")]
    [TestCase("europe-west1-docker.pkg.dev/emergence-469005/app/emergence-app:v2025.10.11")]
    [TestCase("ghcr.io/org/my_app__worker-2:_build.7")]
    [TestCase("Registry.Example.com/team/app:V1")]
    [TestCase("[::1]:5000/app:v1")]
    [TestCase("repo/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [TestCase("repo/web:v1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void A_valid_reference_has_no_problem(string image)
    {
        Assert.That(ImageReference.Problem(image), Is.Null);
    }

    [TestCase("", "empty")]
    [TestCase("my image:1", "space")]
    [TestCase("repo/web:v1 ", "space")]
    [TestCase("MyImage:1", "lower-case")]
    [TestCase("repo/Web:v1", "write 'web'")]
    [TestCase("repo/-web:v1", "not valid")]
    [TestCase("repo//web:v1", "not valid")]
    [TestCase("repo/web_:v1", "not valid")]
    [TestCase("repo/web:", "tag")]
    [TestCase("repo/web:v1+build", "tag")]
    [TestCase("repo/web@sha256:abc", "64 lower-case hex")]
    [TestCase("repo/web@md5:0123456789abcdef0123456789abcdef", "sha256:")]
    [TestCase("-registry.example.com/web:v1", "registry")]
    [TestCase("registry.example.com:50a0/web:v1", "registry")]
    public void An_invalid_reference_names_its_problem(string image, string phrase)
    {
        Assert.That(ImageReference.Problem(image), Does.Contain(phrase));
    }

    [Test]
    public void A_tag_of_128_characters_is_valid_and_129_is_not()
    {
        Assert.That(ImageReference.Problem("repo/web:" + new string('a', 128)), Is.Null);
        Assert.That(ImageReference.Problem("repo/web:" + new string('a', 129)), Does.Contain("at most 128"));
    }

    [Test]
    public void A_name_of_256_characters_is_refused()
    {
        Assert.That(ImageReference.Problem(new string('a', 256) + ":v1"), Does.Contain("at most 255"));
    }
}
