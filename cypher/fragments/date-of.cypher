// dateOf(value): the calendar day a time property stands for, the one rule the explorer also applies
// (client/src/time/time.ts): a date as it is; a datetime or local datetime on its own day; text that begins
// with a real calendar day (YYYY-MM-DD…) on that day; a whole number as a year (its first day: JSON does not
// tell 2023 from 2023.0, so neither may this); anything else is not a date (null, an open bound). The value
// (ARGUMENT) is bound once, to `candidate`, however often the rule reads it.
[candidate IN [ARGUMENT] |
  CASE
    WHEN candidate IS :: DATE THEN candidate
    WHEN candidate IS :: ZONED DATETIME OR candidate IS :: LOCAL DATETIME THEN date(candidate)
    WHEN (candidate IS :: INTEGER OR candidate IS :: FLOAT) AND candidate = floor(candidate) AND 0 < candidate < 10000
      THEN date({year: toInteger(candidate)})
    WHEN candidate IS :: STRING
      AND (candidate =~ '\\d{4}-(((0[1-9]|1[0-2])-(0[1-9]|1\\d|2[0-8]))|((0[13-9]|1[0-2])-(29|30))|((0[13578]|1[02])-31)).*'
        OR (candidate =~ '\\d{4}-02-29.*' AND toInteger(left(candidate, 4)) % 4 = 0
            AND (toInteger(left(candidate, 4)) % 100 <> 0 OR toInteger(left(candidate, 4)) % 400 = 0)))
      THEN date(left(candidate, 10))
  END][0]
