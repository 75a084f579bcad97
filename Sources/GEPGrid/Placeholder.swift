// placeholder until the grid engine lands
