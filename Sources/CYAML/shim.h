#ifndef BRICOLEUR_CYAML_SHIM_H
#define BRICOLEUR_CYAML_SHIM_H
#include <yaml.h>
#endif
