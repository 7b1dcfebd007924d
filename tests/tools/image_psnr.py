#!/usr/bin/python3
"""PSNR (dB) between the images of the same name in two folders, decoded by Pillow: one JSON object per image.
Run with Debian's /usr/bin/python3 (python3-pil); needs no numpy.
"""
import json
import math
import os
import sys

from PIL import Image, ImageChops, ImageStat


def psnr(a_path, b_path):
    with Image.open(a_path) as a, Image.open(b_path) as b:
        a, b = a.convert("RGB"), b.convert("RGB")
        if a.size != b.size:
            return None
        squares = ImageStat.Stat(ImageChops.difference(a, b)).sum2
        mse = sum(squares) / (a.size[0] * a.size[1] * 3)
        return math.inf if mse == 0 else 10 * math.log10(255 * 255 / mse)


def main():
    ours, theirs = sys.argv[1], sys.argv[2]
    for name in sorted(os.listdir(ours)):
        other = os.path.join(theirs, name)
        value = psnr(os.path.join(ours, name), other) if os.path.exists(other) else None
        print(json.dumps({"file": name, "psnr": "inf" if value == math.inf else value}), flush=True)


if __name__ == "__main__":
    main()
