using ConcurrencyDemo.Cli.Output;
using ConcurrencyDemo.Imaging.Formats;

namespace ConcurrencyDemo.Cli.Tests;

public sealed class ConvertOptionTests
{
    [Fact]
    public void AbsentOptions_GiveThePillowTutorialsDefaults()
    {
        var result = CommandLine.ParseValid("convert", "a.jpg", "--out", "o");

        Assert.Equal("o", result.GetValue<string>("--out"));
        Assert.Equal(15, result.GetValue<double>("--blur-radius"));
        Assert.Equal(1200, result.GetValue<int>("--max-size"));
        Assert.Equal(ImageFormat.Jpeg, result.GetValue<ImageFormat>("--format"));
        Assert.Equal(75, result.GetValue<int>("--quality"));
        Assert.False(result.GetValue<bool>("--force"));
        Assert.False(result.GetValue<bool>("--apply-orientation"));
        Assert.Equal(OutputFormat.Table, result.GetValue<OutputFormat>("--results"));
        Assert.False(result.GetValue<bool>("--verbose"));
    }

    [Fact]
    public void EveryOption_IsRead()
    {
        var result = CommandLine.ParseValid("convert", "a.jpg", "--out=o", "--blur-radius", "2.5", "--max-size", "0", "--format", "PNG",
            "--quality", "100", "--force", "--apply-orientation", "--results", "json", "--verbose");

        Assert.Equal("o", result.GetValue<string>("--out"));
        Assert.Equal(2.5, result.GetValue<double>("--blur-radius"));
        Assert.Equal(0, result.GetValue<int>("--max-size"));
        Assert.Equal(ImageFormat.Png, result.GetValue<ImageFormat>("--format"));
        Assert.Equal(100, result.GetValue<int>("--quality"));
        Assert.True(result.GetValue<bool>("--force"));
        Assert.True(result.GetValue<bool>("--apply-orientation"));
        Assert.Equal(OutputFormat.Json, result.GetValue<OutputFormat>("--results"));
        Assert.True(result.GetValue<bool>("--verbose"));
    }

    [Fact]
    public void Jpg_IsTakenForJpeg()
    {
        Assert.Equal(ImageFormat.Jpeg, CommandLine.ParseValid("convert", "--out", "o", "--format", "jpg").GetValue<ImageFormat>("--format"));
    }

    [Fact]
    public void Files_AreKeptInOrder_AmongTheOptions()
    {
        var result = CommandLine.ParseValid("convert", "a.jpg", "--out", "o", "b.jpg", "--force", "-", "@c.jpg");

        Assert.Equal(["a.jpg", "b.jpg", "-", "@c.jpg"], result.GetValue<string[]>("file")!);
        Assert.True(result.GetValue<bool>("--force"));
    }

    [Fact]
    public void DoubleDash_EndsTheOptions_SoFileNamesMayStartWithDashes()
    {
        var result = CommandLine.ParseValid("convert", "--out", "o", "--", "--force", "-x.jpg", "-h", "--");

        Assert.Equal(["--force", "-x.jpg", "-h", "--"], result.GetValue<string[]>("file")!);
        Assert.False(result.GetValue<bool>("--force"));
    }

    [Theory]
    [InlineData("--blur-radius: '1,5' is not a number.", "--blur-radius", "1,5")]
    [InlineData("--format: unknown value 'gif'; expected jpeg, jpg or png.", "--format", "gif")]
    public void ABadValue_IsOneErrorNamingItsOption(string expected, params string[] arguments)
    {
        Assert.Equal(expected, CommandLine.SingleError(["convert", "a.jpg", "--out", "o", .. arguments]));
    }
}
