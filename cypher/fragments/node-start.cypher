// nodeStart(node): `since`, or the start property $dating names for the first of its labels it dates.
item[coalesce($dating[head([label IN labels(item) WHERE $dating[label] IS NOT NULL])].start, 'since')]
