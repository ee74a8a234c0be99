// relationshipStart(relationship): the property that says when it began: the one $dating names for its
// type ({TYPE: {start, end}}), else `since`.
item[coalesce($dating[type(item)].start, 'since')]
