// Builds assets/map/east-asia.kmap: Natural Earth countries (via world-atlas) clipped to East and
// South-East Asia, projected to normalised Web Mercator, simplified per level of detail and
// triangulated with earcut. The kiosk reads the file with kiosk/core/map_geometry.cpp.
//
// Around the places, finer patches come from GSHHG 2.3.7 at full resolution (through Debian's gmt
// and gmt-gshhg-full): coastlines, lakes and rivers; the major rivers and the larger lakes of the
// whole region come from GSHHG at intermediate resolution.
//
// File layout (little-endian; x, y are float32 normalised Web Mercator: 0..1, y grows south):
//   header   "KMAP", u32 version (2), u32 level count,
//            f32 region min_x, min_y, max_x, max_y (the clip box)
//   level    f32 min_zoom: the level is meant for log2(px per world unit / 256) >= min_zoom,
//            f32 cover min_x, min_y, max_x, max_y: what the level has data for (the region for
//            the whole-region levels, a patch's box for a patch, whose land replaces theirs),
//            u32 piece count, pieces, u32 outline count, outlines
//   piece    u16 ISO 3166-1 numeric country id (0 = none, 65535 = a lake drawn over the land),
//            u16 0, u32 vertex count (3 per triangle), vertex count * (f32 x, f32 y)
//   outline  u16 kind (0 coastline, 1 land border, 2 river, 3 lake shore), u16 0,
//            u32 point count (>= 2), point count * (f32 x, f32 y)
//
// Simplification works on the topology's arcs, so a border shared by two countries is thinned
// once and both countries keep the same edge (no slivers between neighbours).
import earcut from "earcut";
import { feature, mesh } from "topojson-client";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, "..", "..", "..", "assets", "map", "east-asia.kmap");

// The clip box, degrees.
// Wide enough that the overview of both countries fills a landscape screen (about 100 degrees of
// longitude across) and a portrait one (about 70 degrees of latitude).
const REGION = { lonMin: 52, lonMax: 180, latMin: -14, latMax: 58 };

// Levels from coarse to fine. tolerancePx: points closer than this many pixels (at the level's
// own zoom) to the previous kept point are dropped.
const LEVELS = [
    { source: "countries-110m.json", minZoom: 0, tolerancePx: 1.0, atZoom: 4.5 },
    { source: "countries-50m.json", minZoom: 5.5, tolerancePx: 1.5, atZoom: 6.0 },
    { source: "countries-10m.json", minZoom: 6.75, tolerancePx: 1.0, atZoom: 9.0 },
];

function mercX(lon) {
    return (lon + 180) / 360;
}
function mercY(lat) {
    const phi = (lat * Math.PI) / 180;
    return 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
}
// Natural Earth reaches the poles; Web Mercator stops at ~85.05 degrees.
function project([lon, lat]) {
    const clamped = Math.max(-85.05112878, Math.min(85.05112878, lat));
    return [mercX(lon), mercY(clamped)];
}

const BOX = {
    minX: mercX(REGION.lonMin),
    maxX: mercX(REGION.lonMax),
    minY: mercY(REGION.latMax),
    maxY: mercY(REGION.latMin),
};

function loadTopology(file) {
    return JSON.parse(readFileSync(join(HERE, "node_modules", "world-atlas", file), "utf8"));
}

// Decodes quantised, delta-encoded arcs into absolute projected coordinates (in place).
function decodeAndProject(topology) {
    const t = topology.transform;
    topology.arcs = topology.arcs.map((arc) => {
        let x = 0;
        let y = 0;
        return arc.map((p) => {
            if (t) {
                x += p[0];
                y += p[1];
                return project([x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]);
            }
            return project(p);
        });
    });
    delete topology.transform;
}

// Radial-distance simplification of each arc; arc end points are always kept.
function simplifyArcs(topology, tolerance) {
    const tol2 = tolerance * tolerance;
    topology.arcs = topology.arcs.map((arc) => {
        if (arc.length <= 2) return arc;
        const kept = [arc[0]];
        for (let i = 1; i < arc.length - 1; i++) {
            const last = kept[kept.length - 1];
            const dx = arc[i][0] - last[0];
            const dy = arc[i][1] - last[1];
            if (dx * dx + dy * dy >= tol2) kept.push(arc[i]);
        }
        kept.push(arc[arc.length - 1]);
        return kept;
    });
}

// Sutherland–Hodgman clip of a closed ring (first point not repeated) against BOX.
function clipRing(ring) {
    const edges = [
        [(p) => p[0] >= BOX.minX, (a, b) => cutX(a, b, BOX.minX)],
        [(p) => p[0] <= BOX.maxX, (a, b) => cutX(a, b, BOX.maxX)],
        [(p) => p[1] >= BOX.minY, (a, b) => cutY(a, b, BOX.minY)],
        [(p) => p[1] <= BOX.maxY, (a, b) => cutY(a, b, BOX.maxY)],
    ];
    let out = ring;
    for (const [inside, cut] of edges) {
        if (out.length === 0) break;
        const input = out;
        out = [];
        for (let i = 0; i < input.length; i++) {
            const cur = input[i];
            const prev = input[(i + input.length - 1) % input.length];
            if (inside(cur)) {
                if (!inside(prev)) out.push(cut(prev, cur));
                out.push(cur);
            } else if (inside(prev)) {
                out.push(cut(prev, cur));
            }
        }
    }
    return out;
}
function cutX(a, b, x) {
    const t = (x - a[0]) / (b[0] - a[0]);
    return [x, a[1] + t * (b[1] - a[1])];
}
function cutY(a, b, y) {
    const t = (y - a[1]) / (b[1] - a[1]);
    return [a[0] + t * (b[0] - a[0]), y];
}

function ringArea(ring) {
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
    }
    return a / 2;
}

// Drops the closing point and consecutive duplicates; a ring with under 3 points or no area
// (after simplification and clipping) is not a ring any more and returns null.
function cleanRing(ring, minArea) {
    const pts = [];
    for (const p of ring) {
        const last = pts[pts.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
    }
    if (pts.length > 1) {
        const first = pts[0];
        const last = pts[pts.length - 1];
        if (first[0] === last[0] && first[1] === last[1]) pts.pop();
    }
    if (pts.length < 3 || Math.abs(ringArea(pts)) < minArea) return null;
    return pts;
}

// Liang–Barsky clip of a polyline against BOX; returns the pieces inside.
function clipLine(line) {
    const pieces = [];
    let current = [];
    for (let i = 0; i + 1 < line.length; i++) {
        const seg = clipSegment(line[i], line[i + 1]);
        if (!seg) {
            if (current.length >= 2) pieces.push(current);
            current = [];
            continue;
        }
        const [a, b] = seg;
        const last = current[current.length - 1];
        if (!last || last[0] !== a[0] || last[1] !== a[1]) {
            if (current.length >= 2) pieces.push(current);
            current = [a];
        }
        current.push(b);
    }
    if (current.length >= 2) pieces.push(current);
    return pieces;
}
function clipSegment(a, b) {
    let t0 = 0;
    let t1 = 1;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const checks = [
        [-dx, a[0] - BOX.minX],
        [dx, BOX.maxX - a[0]],
        [-dy, a[1] - BOX.minY],
        [dy, BOX.maxY - a[1]],
    ];
    for (const [p, q] of checks) {
        if (p === 0) {
            if (q < 0) return null;
            continue;
        }
        const r = q / p;
        if (p < 0) {
            if (r > t1) return null;
            if (r > t0) t0 = r;
        } else {
            if (r < t0) return null;
            if (r < t1) t1 = r;
        }
    }
    const pa = t0 === 0 ? a : [a[0] + t0 * dx, a[1] + t0 * dy];
    const pb = t1 === 1 ? b : [a[0] + t1 * dx, a[1] + t1 * dy];
    return [pa, pb];
}

function polygonsOf(geometry) {
    if (!geometry) return [];
    if (geometry.type === "Polygon") return [geometry.coordinates];
    if (geometry.type === "MultiPolygon") return geometry.coordinates;
    return [];
}

function buildLevel(spec) {
    const topology = loadTopology(spec.source);
    decodeAndProject(topology);
    const pxPerUnit = 256 * Math.pow(2, spec.atZoom);
    const tolerance = spec.tolerancePx / pxPerUnit;
    simplifyArcs(topology, tolerance);
    const minArea = (tolerance * tolerance) / 2;

    const countries = feature(topology, topology.objects.countries).features;
    const pieces = [];
    let triangles = 0;
    for (const country of countries) {
        const id = Number.parseInt(country.id ?? "0", 10) || 0;
        const vertices = [];
        for (const polygon of polygonsOf(country.geometry)) {
            const rings = [];
            for (let r = 0; r < polygon.length; r++) {
                const clipped = cleanRing(clipRing(polygon[r].slice(0, -1)), minArea);
                if (!clipped) {
                    if (r === 0) break; // no outer ring: the holes do not matter
                    continue;
                }
                rings.push(clipped);
            }
            if (rings.length === 0) continue;
            const flat = [];
            const holes = [];
            for (let r = 0; r < rings.length; r++) {
                if (r > 0) holes.push(flat.length / 2);
                for (const p of rings[r]) flat.push(p[0], p[1]);
            }
            const indices = earcut(flat, holes, 2);
            for (const i of indices) vertices.push(flat[2 * i], flat[2 * i + 1]);
        }
        if (vertices.length === 0) continue;
        triangles += vertices.length / 6;
        pieces.push({ id, vertices });
    }
    // Deterministic order: by country id.
    pieces.sort((a, b) => a.id - b.id);

    const outlines = [];
    const object = topology.objects.countries;
    const groups = [
        [0, mesh(topology, object, (a, b) => a === b)],
        [1, mesh(topology, object, (a, b) => a !== b)],
    ];
    for (const [kind, multi] of groups) {
        for (const line of multi.coordinates) {
            for (const piece of clipLine(line)) outlines.push({ kind, points: piece });
        }
    }
    const outlinePoints = outlines.reduce((n, o) => n + o.points.length, 0);
    console.log(
        `level ${spec.source} zoom>=${spec.minZoom}: ${pieces.length} countries, ` +
            `${triangles} triangles, ${outlines.length} outlines (${outlinePoints} points)`
    );
    return { minZoom: spec.minZoom, pieces, outlines };
}

// [GSHHG patches] ------------------------------------------------------------------------------

// Boxes (degrees) around the places where the map is looked at closely, with the country their
// land belongs to. Each is cut from GSHHG's full-resolution shorelines.
const PATCHES = [
    // Red River delta: Hanoi, Vinh Phuc, Hai Phong, Cat Ba and Ha Long bay's west side.
    { name: "red-river-delta", lonMin: 105.2, lonMax: 107.9, latMin: 20.3, latMax: 21.45, id: 704 },
    // Kitakyushu, Hibikinada, the Kanmon strait, Fukuoka.
    { name: "kitakyushu", lonMin: 129.9, lonMax: 131.6, latMin: 33.3, latMax: 34.4, id: 392 },
    // Tokyo, Kanagawa and Tochigi.
    { name: "kanto", lonMin: 138.8, lonMax: 141.0, latMin: 34.8, latMax: 36.9, id: 392 },
];
// Two levels of detail per patch: rivers of these WDBII levels (0 double-lined, 1 permanent
// major, 2 additional major, 3 additional, 4 minor).
const PATCH_DETAILS = [
    { minZoom: 9.0, tolerancePx: 1.0, atZoom: 10.5, rivers: [0, 1, 2, 3] },
    { minZoom: 11.5, tolerancePx: 1.0, atZoom: 14.0, rivers: [0, 1, 2, 3, 4] },
];

function checkGmt() {
    const version = execFileSync("gmt", ["--version"], { encoding: "utf8" }).trim();
    if (version !== "6.4.0") {
        console.warn(`warning: gmt ${version}; the committed file was made with gmt 6.4.0`);
    }
}

// Runs gmt coast with -M and returns its segments as { level, points: [[lon, lat], ...] }.
function gmtSegments(args) {
    const text = execFileSync("gmt", ["coast", ...args, "-M"], {
        encoding: "utf8",
        maxBuffer: 1 << 30,
    });
    const out = [];
    let current = null;
    for (const line of text.split("\n")) {
        if (line.startsWith(">")) {
            const m = /Level (\d+)/.exec(line);
            current = { level: m ? Number(m[1]) : -1, points: [] };
            out.push(current);
            continue;
        }
        const f = line.trim().split(/\s+/);
        if (f.length >= 2 && current) current.points.push([Number(f[0]), Number(f[1])]);
    }
    return out.filter((s) => s.points.length >= 2);
}

const same = (a, b) => Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;
const keyOf = (p) => `${p[0].toFixed(7)},${p[1].toFixed(7)}`;

// GSHHG's binned lines come cut at bin edges; joins them end to start into the longest chains.
function joinChains(segments) {
    const byStart = new Map();
    segments.forEach((s, i) => byStart.set(keyOf(s[0]), i));
    const next = segments.map((s) => byStart.get(keyOf(s[s.length - 1])));
    const hasPrev = new Set(next.filter((j, i) => j !== undefined && j !== i));
    const used = new Set();
    const chains = [];
    const walk = (i) => {
        let chain = segments[i].slice();
        used.add(i);
        for (let j = next[i]; j !== undefined && !used.has(j); j = next[j]) {
            used.add(j);
            chain = chain.concat(segments[j].slice(1));
        }
        return chain;
    };
    // Open chains first (from a segment nothing leads to), then what is left is rings.
    segments.forEach((_, i) => {
        if (!hasPrev.has(i) && !used.has(i)) chains.push(walk(i));
    });
    segments.forEach((_, i) => {
        if (!used.has(i)) chains.push(walk(i));
    });
    return chains;
}

// Land polygons of a box from its shore lines (GSHHG keeps land on the left of a shore): rings
// inside the box as they are; chains that leave it are closed along the box's edge, walking it
// anticlockwise from where one leaves to where the next comes back in.
function shorePolygons(chains, box) {
    const rings = [];
    const open = [];
    for (const c of chains) {
        if (same(c[0], c[c.length - 1])) rings.push(c.slice(0, -1));
        else open.push(c);
    }
    const w = box.lonMax - box.lonMin;
    const h = box.latMax - box.latMin;
    const perimeter = 2 * (w + h);
    const eps = 1e-6;
    // Position along the edge, anticlockwise from the south-west corner; -1 off the edge.
    const along = ([x, y]) => {
        if (Math.abs(y - box.latMin) < eps) return x - box.lonMin;
        if (Math.abs(x - box.lonMax) < eps) return w + (y - box.latMin);
        if (Math.abs(y - box.latMax) < eps) return w + h + (box.lonMax - x);
        if (Math.abs(x - box.lonMin) < eps) return 2 * w + h + (box.latMax - y);
        return -1;
    };
    const corners = [
        [w, [box.lonMax, box.latMin]],
        [w + h, [box.lonMax, box.latMax]],
        [2 * w + h, [box.lonMin, box.latMax]],
        [perimeter, [box.lonMin, box.latMin]],
    ];
    const ends = open.map((c) => ({ start: along(c[0]), end: along(c[c.length - 1]) }));
    const valid = open.filter((c, i) => {
        const ok = ends[i].start >= 0 && ends[i].end >= 0;
        if (!ok) console.warn(`  a shore chain of ${c.length} points ends inside the box: dropped`);
        return ok;
    });
    const pos = ends.filter((e) => e.start >= 0 && e.end >= 0);
    const done = new Set();
    for (let first = 0; first < valid.length; first++) {
        if (done.has(first)) continue;
        const ring = [];
        let i = first;
        for (let guard = 0; guard <= valid.length; guard++) {
            done.add(i);
            ring.push(...valid[i]);
            const from = pos[i].end;
            // The next chain coming in, anticlockwise from here.
            let best = -1;
            let bestGap = Infinity;
            for (let j = 0; j < valid.length; j++) {
                const gap = (pos[j].start - from + perimeter) % perimeter;
                if (gap < bestGap) {
                    bestGap = gap;
                    best = j;
                }
            }
            // The box's corners passed on the way, in order.
            const passed = corners
                .map(([at, p]) => [(at - from + perimeter) % perimeter, p])
                .filter(([gap]) => gap > 0 && gap < bestGap)
                .sort((a, b) => a[0] - b[0]);
            for (const [, p] of passed) ring.push(p);
            if (best === first) break;
            i = best;
        }
        rings.push(ring);
    }
    if (process.env.KMAP_DUMP) {
        const text = rings.map((r) => "> ring\n" + r.map((p) => p.join(" ")).join("\n")).join("\n");
        writeFileSync(`${process.env.KMAP_DUMP}-${box.name}.txt`, text + "\n");
    }
    return rings;
}

function simplifyRing(ring, tolerance) {
    const tol2 = tolerance * tolerance;
    const kept = [ring[0]];
    for (let i = 1; i < ring.length; i++) {
        const last = kept[kept.length - 1];
        const dx = ring[i][0] - last[0];
        const dy = ring[i][1] - last[1];
        if (dx * dx + dy * dy >= tol2) kept.push(ring[i]);
    }
    return kept;
}

function triangulate(ring) {
    const flat = [];
    for (const p of ring) flat.push(p[0], p[1]);
    const out = [];
    for (const i of earcut(flat, null, 2)) out.push(flat[2 * i], flat[2 * i + 1]);
    return out;
}

// Projected, thinned, cleaned rings; returns their triangles' vertices.
function fillRings(rings, tolerance, minArea) {
    const vertices = [];
    for (const ring of rings) {
        const clean = cleanRing(simplifyRing(ring.map(project), tolerance), minArea);
        if (clean) vertices.push(...triangulate(clean));
    }
    return vertices;
}

function lines(chains, kind, tolerance) {
    const out = [];
    for (const chain of chains) {
        const projected = chain.map(project);
        const kept = simplifyRing(projected, tolerance);
        const last = projected[projected.length - 1];
        if (!same(kept[kept.length - 1], last)) kept.push(last);
        if (kept.length >= 2) out.push({ kind, points: kept });
    }
    return out;
}

const LAKE_ID = 65535;

function lakeKm2(ring) {
    // Shoelace in degrees, scaled at the ring's latitude.
    const lat = (ring[0][1] * Math.PI) / 180;
    return Math.abs(ringArea(ring)) * 111.32 * 111.32 * Math.cos(lat);
}

function addRegionWater(level, spec) {
    const region = `-R${REGION.lonMin}/${REGION.lonMax}/${REGION.latMin}/${REGION.latMax}`;
    const tolerance = 1.0 / (256 * Math.pow(2, spec.atZoom));
    const rivers = gmtSegments([region, `-D${spec.resolution}`, "-Ia"]).filter((s) =>
        spec.rivers.includes(s.level)
    );
    const riverLines = lines(joinChains(rivers.map((s) => s.points)), 2, tolerance);
    const lakeRings = joinChains(
        gmtSegments([region, `-D${spec.resolution}`, "-W"])
            .filter((s) => s.level === 2)
            .map((s) => s.points)
    ).filter((c) => same(c[0], c[c.length - 1]) && lakeKm2(c) >= spec.minLakeKm2);
    const lakeVertices = fillRings(lakeRings, tolerance, (tolerance * tolerance) / 2);
    if (lakeVertices.length) level.pieces.push({ id: LAKE_ID, vertices: lakeVertices });
    level.outlines.push(...riverLines, ...lines(lakeRings, 3, tolerance));
    console.log(
        `  + ${riverLines.length} rivers, ${lakeRings.length} lakes (GSHHG ${spec.resolution})`
    );
}

function buildPatch(patch, detail) {
    const region = `-R${patch.lonMin}/${patch.lonMax}/${patch.latMin}/${patch.latMax}`;
    const tolerance = detail.tolerancePx / (256 * Math.pow(2, detail.atZoom));
    const minArea = (tolerance * tolerance) / 2;
    const shore = gmtSegments([region, "-Df", "-W"]);
    const coast = joinChains(shore.filter((s) => s.level === 1).map((s) => s.points));
    const land = shorePolygons(coast, patch);
    const lakeChains = joinChains(shore.filter((s) => s.level === 2).map((s) => s.points));
    const lakeRings = lakeChains.filter((c) => same(c[0], c[c.length - 1]));
    const rivers = gmtSegments([region, "-Df", "-Ia"]).filter((s) =>
        detail.rivers.includes(s.level)
    );
    const pieces = [{ id: patch.id, vertices: fillRings(land, tolerance, minArea) }];
    const lakeVertices = fillRings(lakeRings, tolerance, minArea);
    if (lakeVertices.length) pieces.push({ id: LAKE_ID, vertices: lakeVertices });
    const outlines = [
        ...lines(coast, 0, tolerance),
        ...lines(joinChains(rivers.map((s) => s.points)), 2, tolerance),
        ...lines(lakeChains, 3, tolerance),
    ];
    const [minX, minY] = project([patch.lonMin, patch.latMax]);
    const [maxX, maxY] = project([patch.lonMax, patch.latMin]);
    const triangles = pieces.reduce((n, p) => n + p.vertices.length / 6, 0);
    const points = outlines.reduce((n, o) => n + o.points.length, 0);
    console.log(
        `patch ${patch.name} zoom>=${detail.minZoom}: ${land.length} land rings, ` +
            `${lakeRings.length} lakes, ${triangles} triangles, ${outlines.length} lines (${points} points)`
    );
    return { minZoom: detail.minZoom, cover: { minX, minY, maxX, maxY }, pieces, outlines };
}

function encode(levels) {
    let size = 4 + 4 + 4 + 16;
    for (const level of levels) {
        size += 4 + 16 + 4 + 4;
        for (const p of level.pieces) size += 8 + p.vertices.length * 4;
        for (const o of level.outlines) size += 8 + o.points.length * 8;
    }
    const buf = Buffer.alloc(size);
    let at = 0;
    const u16 = (v) => (at = buf.writeUInt16LE(v, at));
    const u32 = (v) => (at = buf.writeUInt32LE(v, at));
    const f32 = (v) => (at = buf.writeFloatLE(v, at));
    at += buf.write("KMAP", at, "ascii");
    u32(2);
    u32(levels.length);
    f32(BOX.minX);
    f32(BOX.minY);
    f32(BOX.maxX);
    f32(BOX.maxY);
    for (const level of levels) {
        f32(level.minZoom);
        const cover = level.cover ?? BOX;
        f32(cover.minX);
        f32(cover.minY);
        f32(cover.maxX);
        f32(cover.maxY);
        u32(level.pieces.length);
        for (const p of level.pieces) {
            u16(p.id);
            u16(0);
            u32(p.vertices.length / 2);
            for (const v of p.vertices) f32(v);
        }
        u32(level.outlines.length);
        for (const o of level.outlines) {
            u16(o.kind);
            u16(0);
            u32(o.points.length);
            for (const [x, y] of o.points) {
                f32(x);
                f32(y);
            }
        }
    }
    if (at !== size) throw new Error(`encoder wrote ${at} bytes, expected ${size}`);
    return buf;
}

const levels = LEVELS.map(buildLevel);
checkGmt();
// The region's major rivers and larger lakes join the 1:50m and 1:10m levels.
addRegionWater(levels[1], { resolution: "l", rivers: [1], atZoom: 6.0, minLakeKm2: 400 });
addRegionWater(levels[2], { resolution: "i", rivers: [1, 2], atZoom: 9.0, minLakeKm2: 40 });
for (const patch of PATCHES) {
    for (const detail of PATCH_DETAILS) levels.push(buildPatch(patch, detail));
}
const bytes = encode(levels);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, bytes);
console.log(`wrote ${OUT}: ${bytes.length} bytes (${(bytes.length / 1048576).toFixed(2)} MiB)`);
