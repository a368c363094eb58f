"""Statistics shared by the desk and the hub: tables, their labels, their exports."""
