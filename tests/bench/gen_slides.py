#!/usr/bin/env python3
"""Writes a content folder with N generated slides (for the start-time benchmark on a large
database): the bundled exhibition's sources, partnerships and topics plus N trilingual slides.
usage: gen_slides.py CONTENT_DIR OUT_DIR N"""
import pathlib, shutil, sys

src, out, n = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
if out.exists():
    shutil.rmtree(out)
(out / "slides").mkdir(parents=True)
for name in ["exhibition.toml", "sources.toml", "partnerships.toml", "topics.toml", "places.toml", "links.toml", "timeline.toml", "charts.toml"]:
    shutil.copy(src / name, out / name)
topics = [line.split('"')[1] for line in (src / "topics.toml").read_text().splitlines() if line.startswith("id = ")]
with open(out / "slides" / "generated.toml", "w") as f:
    for i in range(n):
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
