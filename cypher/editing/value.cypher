// An edited value sent as it is stored: the parameter at `index` of $values.
$values[{{int:index}}]
