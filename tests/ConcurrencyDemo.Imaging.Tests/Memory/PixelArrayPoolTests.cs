using ConcurrencyDemo.Imaging.Memory;
using Xunit;

namespace ConcurrencyDemo.Imaging.Tests.Memory;

// The pool is one per process: these tests run while no other test decodes or blurs.
[CollectionDefinition(nameof(PixelArrayPoolTests), DisableParallelization = true)]
public sealed class PixelArrayPoolCollection;

[Collection(nameof(PixelArrayPoolTests))]
public sealed class PixelArrayPoolTests
{
    private const int Megabyte = 1 << 20;

    [Fact]
    public void A_returned_large_array_serves_the_next_request_of_its_size()
    {
        PixelArrayPool.Clear();
        byte[] first = PixelArrayPool.Rent(100 * Megabyte + 12345);
        PixelArrayPool.Return(first);
        byte[] second = PixelArrayPool.Rent(100 * Megabyte + 12345);
        try
        {
            Assert.Same(first, second);
        }
        finally
        {
            PixelArrayPool.Return(second);
        }
    }

    [Fact]
    public void A_later_larger_photo_reuses_the_array_of_a_smaller_one()
    {
        // A worker meets photos in any order of size; an array's pages cost page faults only the first time they
        // are written, so the larger photo should write into the smaller one's array, not into a new one.
        PixelArrayPool.Clear();
        PixelArrayPool.Return(PixelArrayPool.Rent(36 * Megabyte));
        long before = GC.GetAllocatedBytesForCurrentThread();
        byte[] larger = PixelArrayPool.Rent(50 * Megabyte);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        PixelArrayPool.Return(larger);
        Assert.True(allocated < Megabyte, $"renting 50 MB after returning 36 MB allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_small_request_does_not_take_a_retained_photo_buffer()
    {
        byte[] photo = PixelArrayPool.Rent(40 * Megabyte);
        PixelArrayPool.Return(photo);
        byte[] thumbnail = PixelArrayPool.Rent(2 * Megabyte);
        try
        {
            Assert.NotSame(photo, thumbnail);
            Assert.InRange(thumbnail.Length, 2 * Megabyte, 4 * Megabyte);
        }
        finally
        {
            PixelArrayPool.Return(thumbnail);
        }
    }

    [Fact]
    public void Many_threads_returning_many_arrays_leave_at_most_the_capacity_retained()
    {
        // Sixteen threads, each holding three image-sized arrays at once, as fifteen photos on fifteen threads do.
        var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            for (int round = 0; round < 4; round++)
            {
                var held = Enumerable.Range(0, 3).Select(i => PixelArrayPool.Rent((2 + t % 5 + i) * Megabyte)).ToList();
                foreach (byte[] array in held)
                {
                    Assert.True(array.Length >= Megabyte);
                    PixelArrayPool.Return(array);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var (arrays, bytes) = PixelArrayPool.Retention();
        Assert.InRange(arrays, 1, PixelArrayPool.Capacity);
        Assert.InRange(bytes, Megabyte, PixelArrayPool.ByteBudget);
    }

    [Fact]
    public void A_picture_larger_than_the_budget_is_left_to_the_GC()
    {
        byte[] huge = PixelArrayPool.Rent((int)PixelArrayPool.ByteBudget + Megabyte);
        PixelArrayPool.Return(huge);
        byte[] again = PixelArrayPool.Rent((int)PixelArrayPool.ByteBudget + Megabyte);
        Assert.NotSame(huge, again);
        Assert.InRange(PixelArrayPool.Retention().Bytes, 0, PixelArrayPool.ByteBudget);
    }

    [Fact]
    public void Rows_and_scratch_below_a_megabyte_are_never_retained_here()
    {
        var (before, _) = PixelArrayPool.Retention();
        var small = Enumerable.Range(0, 20).Select(i => PixelArrayPool.Rent(1000 + i)).ToList();
        small.ForEach(PixelArrayPool.Return);
        Assert.Equal(before, PixelArrayPool.Retention().Arrays);
    }
}
