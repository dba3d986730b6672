// Builds assets/map/east-asia.kmap: Natural Earth countries (via world-atlas) clipped to East and
// South-East Asia, projected to normalised Web Mercator, simplified per level of detail and
// triangulated with earcut. The kiosk reads the file with kiosk/core/map_geometry.cpp.
//
// File layout (little-endian; x, y are float32 normalised Web Mercator: 0..1, y grows south):
//   header   "KMAP", u32 version (1), u32 level count,
//            f32 region min_x, min_y, max_x, max_y (the clip box)
//   level    f32 min_zoom: the level is meant for log2(px per world unit / 256) >= min_zoom,
//            u32 piece count, pieces, u32 outline count, outlines
//   piece    u16 ISO 3166-1 numeric country id (0 = none), u16 0, u32 vertex count (3 per
//            triangle), vertex count * (f32 x, f32 y)
//   outline  u16 kind (0 coastline, 1 land border), u16 0, u32 point count (>= 2),
//            point count * (f32 x, f32 y)
//
// Simplification works on the topology's arcs, so a border shared by two countries is thinned
// once and both countries keep the same edge (no slivers between neighbours).
import earcut from "earcut";
import { feature, mesh } from "topojson-client";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, "..", "..", "..", "assets", "map", "east-asia.kmap");

// The clip box, degrees.
const REGION = { lonMin: 90, lonMax: 150, latMin: -5, latMax: 50 };

// Levels from coarse to fine. tolerancePx: points closer than this many pixels (at the level's
// own zoom) to the previous kept point are dropped.
const LEVELS = [
    { source: "countries-110m.json", minZoom: 0, tolerancePx: 1.0, atZoom: 4.5 },
    { source: "countries-50m.json", minZoom: 5.5, tolerancePx: 1.5, atZoom: 6.0 },
    { source: "countries-10m.json", minZoom: 7.5, tolerancePx: 1.0, atZoom: 9.0 },
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

function encode(levels) {
    let size = 4 + 4 + 4 + 16;
    for (const level of levels) {
        size += 4 + 4 + 4;
        for (const p of level.pieces) size += 8 + p.vertices.length * 4;
        for (const o of level.outlines) size += 8 + o.points.length * 8;
    }
    const buf = Buffer.alloc(size);
    let at = 0;
    const u16 = (v) => (at = buf.writeUInt16LE(v, at));
    const u32 = (v) => (at = buf.writeUInt32LE(v, at));
    const f32 = (v) => (at = buf.writeFloatLE(v, at));
    at += buf.write("KMAP", at, "ascii");
    u32(1);
    u32(levels.length);
    f32(BOX.minX);
    f32(BOX.minY);
    f32(BOX.maxX);
    f32(BOX.maxY);
    for (const level of levels) {
        f32(level.minZoom);
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
const bytes = encode(levels);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, bytes);
console.log(`wrote ${OUT}: ${bytes.length} bytes (${(bytes.length / 1048576).toFixed(2)} MiB)`);
