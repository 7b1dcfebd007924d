#!/usr/bin/python3
"""The tutorial's per-photo pipeline in Pillow, timed stage by stage.

Run with Debian's /usr/bin/python3 (python3-pil). For each photo: open and load (decode),
GaussianBlur(radius), thumbnail((max, max)), save as JPEG at Pillow's default quality into memory.
Prints one JSON object per photo with the seconds of every repetition of every stage.
With --ppm-dir it also writes the blurred thumbnail as PPM, for accuracy comparisons.
"""
import argparse
import io
import json
import os
import time

from PIL import Image, ImageFilter


def convert(path, radius, max_size):
    times = {}
    t0 = time.perf_counter()
    image = Image.open(path)
    image.load()
    t1 = time.perf_counter()
    if radius > 0:
        image = image.filter(ImageFilter.GaussianBlur(radius))
    t2 = time.perf_counter()
    if max_size > 0:
        image.thumbnail((max_size, max_size))
    t3 = time.perf_counter()
    encoded = io.BytesIO()
    image.save(encoded, "JPEG")
    t4 = time.perf_counter()
    times = {"decode": t1 - t0, "blur": t2 - t1, "thumbnail": t3 - t2, "encode": t4 - t3, "total": t4 - t0}
    return image, times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--radius", type=float, default=15)
    parser.add_argument("--max-size", type=int, default=1200)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=0)
    parser.add_argument("--ppm-dir")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    for path in args.files:
        runs = []
        image = None
        for attempt in range(args.warmup + args.repeat):
            image, times = convert(path, args.radius, args.max_size)
            if attempt >= args.warmup:
                runs.append(times)
        if args.ppm_dir:
            name = os.path.splitext(os.path.basename(path))[0] + ".ppm"
            image.convert("RGB").save(os.path.join(args.ppm_dir, name), "PPM")
        with Image.open(path) as source:
            width, height = source.size
        stages = {stage: [run[stage] for run in runs] for stage in runs[0]}
        print(json.dumps({"file": path, "width": width, "height": height, "seconds": stages}), flush=True)


if __name__ == "__main__":
    main()
