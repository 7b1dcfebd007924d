#!/usr/bin/python3
"""The tutorial's CPU-bound batch in Pillow: for each photo, open, GaussianBlur(radius), thumbnail((max, max)),
save as JPEG at Pillow's default quality into --out, one after another or with ProcessPoolExecutor() (a
process per core). Prints one JSON object: the wall time of the whole batch, worker start-up included.
Run with Debian's /usr/bin/python3 (python3-pil).
"""
import argparse
import concurrent.futures
import json
import os
import time

from PIL import Image, ImageFilter


def convert(path, out, radius, max_size):
    image = Image.open(path)
    if radius > 0:
        image = image.filter(ImageFilter.GaussianBlur(radius))
    if max_size > 0:
        image.thumbnail((max_size, max_size))
    name = os.path.splitext(os.path.basename(path))[0] + ".jpg"
    image.save(os.path.join(out, name), "JPEG")
    return name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["sequential", "processes"], default="sequential")
    parser.add_argument("--out", required=True)
    parser.add_argument("--radius", type=float, default=15)
    parser.add_argument("--max-size", type=int, default=1200)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    start = time.perf_counter()
    if args.mode == "sequential":
        for path in args.files:
            convert(path, args.out, args.radius, args.max_size)
    else:
        with concurrent.futures.ProcessPoolExecutor() as executor:
            futures = [executor.submit(convert, path, args.out, args.radius, args.max_size) for path in args.files]
            for future in futures:
                future.result()
    print(json.dumps({"mode": args.mode, "seconds": time.perf_counter() - start, "workers": os.cpu_count()}), flush=True)


if __name__ == "__main__":
    main()
