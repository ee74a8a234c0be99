// dateOf(value): the calendar day a time property stands for, the one rule the explorer also applies
// (client/src/time/time.ts): a date as it is; a datetime or local datetime on its own day; text that begins
// with a real calendar day (YYYY-MM-DD…) on that day; a whole number as a year (its first day: JSON does not
// tell 2023 from 2023.0, so neither may this); anything else is not a date (null, an open bound). Expanded
// inline like validAsOf.
CASE
  WHEN value IS :: DATE THEN value
  WHEN value IS :: ZONED DATETIME OR value IS :: LOCAL DATETIME THEN date(value)
  WHEN (value IS :: INTEGER OR value IS :: FLOAT) AND value = floor(value) AND 0 < value < 10000
    THEN date({year: toInteger(value)})
  WHEN value IS :: STRING
    AND (value =~ '\\d{4}-(((0[1-9]|1[0-2])-(0[1-9]|1\\d|2[0-8]))|((0[13-9]|1[0-2])-(29|30))|((0[13578]|1[02])-31)).*'
      OR (value =~ '\\d{4}-02-29.*' AND toInteger(left(value, 4)) % 4 = 0
          AND (toInteger(left(value, 4)) % 100 <> 0 OR toInteger(left(value, 4)) % 400 = 0)))
    THEN date(left(value, 10))
END
