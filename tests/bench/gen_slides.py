#!/usr/bin/env python3
"""Writes a content folder with N generated slides (for the start-time benchmark on a large
database): the bundled exhibition plus N trilingual slides, in files of 400 slides (each file
under the compiler's 1 MiB limit; the whole under its 5000 rows per table).
usage: gen_slides.py CONTENT_DIR OUT_DIR N"""
import pathlib, shutil, sys

src, out, n = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
if out.exists():
    shutil.rmtree(out)
shutil.copytree(src, out)
topics = [line.split('"')[1] for line in (src / "topics.toml").read_text().splitlines() if line.startswith("id = ")]
for i in range(n):
    with open(out / "slides" / f"generated-{i // 400:03d}.toml", "a") as f:
        f.write(f'''[[slide]]
id = "gen-{i}"
topic = "{topics[i % len(topics)]}"
order = {i}
duration_s = 8
source = "000"
title = {{ vi = "Trang thử số {i}", ja = "テスト {i}", en = "Test slide {i}" }}
[slide.body]
vi = "Hải Phòng và Kitakyushu hợp tác trong nhiều lĩnh vực: nước sạch, môi trường, kinh tế. Trang {i}."
ja = "ハイフォン市と北九州市は水・環境・経済の分野で協力しています。ページ{i}。"
en = "Hai Phong and Kitakyushu work together on water, environment and the economy. Page {i}."

''')
print(f"{out}: {n} generated slides")
