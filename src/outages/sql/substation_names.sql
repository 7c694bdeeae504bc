-- Every substation's name (new ones are numbered after a city's last).
SELECT name FROM substations
