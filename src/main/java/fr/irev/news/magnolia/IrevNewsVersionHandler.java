package fr.irev.news.magnolia;

import info.magnolia.module.DefaultModuleVersionHandler;
import info.magnolia.module.InstallContext;
import info.magnolia.module.delta.Task;
import info.magnolia.module.model.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Version handler of the module (descriptor element {@code versionHandler}): Magnolia's default
 * install (workspaces, node types, {@code mgnl-bootstrap} files) plus the territory import, run
 * after the bootstrap files on install and again on every module update, so that a newer
 * territories file shipped in a new module version updates the tree in place; then the news items'
 * term scopes ({@link NewsScopeTask}).
 */
public class IrevNewsVersionHandler extends DefaultModuleVersionHandler {

  @Override
  protected List<Task> getExtraInstallTasks(InstallContext installContext) {
    List<Task> tasks = new ArrayList<>(super.getExtraInstallTasks(installContext));
    tasks.add(new TerritoryImportTask());
    tasks.add(new NewsScopeTask());
    return tasks;
  }

  @Override
  protected List<Task> getDefaultUpdateTasks(Version forVersion) {
    List<Task> tasks = new ArrayList<>(super.getDefaultUpdateTasks(forVersion));
    tasks.add(new TerritoryImportTask());
    tasks.add(new NewsScopeTask());
    return tasks;
  }
}
