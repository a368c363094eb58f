"""The PDF reports and their charts, in the house style: the desk's and the region's activity."""
