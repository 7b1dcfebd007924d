"""The tutorial's I/O-bound lesson in Python, for the download benchmark: requests.get per URL, run by a
ThreadPoolExecutor of max_workers threads, each body written to a file named after the URL's last segment.

    python3 requests_batch.py OUT_DIR MAX_WORKERS URL...

Prints the wall time of the batch in seconds (interpreter start-up not included; the caller also times the
whole process)."""
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import requests


def download(url, out_dir):
    response = requests.get(url, timeout=60)
    response.raise_for_status()
    name = url.rstrip("/").split("/")[-1].split("?")[0]
    with open(os.path.join(out_dir, name), "wb") as file:
        file.write(response.content)


def main():
    out_dir, max_workers, urls = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max_workers) as executor:
        for future in [executor.submit(download, url, out_dir) for url in urls]:
            future.result()
    print(f"{time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main()
