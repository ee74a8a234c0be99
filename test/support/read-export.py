"""Reads an Entente export back with real readers (NetworkX for GraphML and GEXF; zipfile and csv for CSV)
and prints what they read as JSON, each attribute value with the Python type the reader gave it.

Usage: python3 read-export.py graphml|gexf|csv FILE
"""
import csv
import io
import json
import sys
import zipfile


def plain(value):
    # JSON numbers beyond 2^53 lose digits in JavaScript: such integers are written as text.
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
        return str(value)
    return value


def typed(data):
    return {key: [type(value).__name__, plain(value)] for key, value in data.items()}


def read_graph(kind, path):
    import networkx

    graph = networkx.read_graphml(path) if kind == "graphml" else networkx.read_gexf(path)
    return {
        "directed": graph.is_directed(),
        "nodes": {node: typed(data) for node, data in graph.nodes(data=True)},
        "edges": [
            {"source": source, "target": target, "data": typed(data)}
            for source, target, data in graph.edges(data=True)
        ],
    }


def read_csv(path):
    with zipfile.ZipFile(path) as archive:
        files = {}
        for name in archive.namelist():
            with archive.open(name) as handle:
                files[name] = list(csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8", newline="")))
        return {"files": files}


kind, path = sys.argv[1], sys.argv[2]
print(json.dumps(read_csv(path) if kind == "csv" else read_graph(kind, path)))
