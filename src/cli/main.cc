#include "cli/app.h"

int main(int argc, char** argv) { return whosaid::cli::Main(argc, argv); }
