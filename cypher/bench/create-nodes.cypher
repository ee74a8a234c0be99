// One batch of benchmark nodes: BenchNode plus a kind label.
UNWIND $rows AS row
CREATE (n:BenchNode:$(row.kind) {id: row.id, name: row.name})
