// One property an edit removes (the `set` slot of the editing statements).
REMOVE {{name:variable}}.{{name:key}}
