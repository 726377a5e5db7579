"""Tasks API: projects and tasks per user, with an admin area."""
from fastapi import Body, Depends, FastAPI, Header, HTTPException, Request
from sqlalchemy.orm import Session

import auth
from auth import get_current_admin, get_current_user
from database import get_db
from models import Project, Task, User
from schemas import ProjectCreate, TaskCreate, TaskOut, TaskUpdate

app = FastAPI(title="Tasks API")
app.include_router(auth.router)


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/tasks", response_model=list[TaskOut])
def list_tasks(user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    return db.query(Task).filter(Task.owner_id == user.id).all()


@app.post("/tasks", response_model=TaskOut, status_code=201)
def create_task(task_in: TaskCreate, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    task = Task(**task_in.model_dump(), owner_id=user.id)
    db.add(task)
    db.commit()
    db.refresh(task)
    return task


@app.get("/tasks/{task_id}", response_model=TaskOut)
def get_task(task_id: int, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    task = db.get(Task, task_id)
    if task is None:
        raise HTTPException(status_code=404, detail="Task not found")
    return task


@app.patch("/tasks/{task_id}", response_model=TaskOut)
def update_task(task_id: int, task_in: TaskUpdate, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    task = db.query(Task).filter(Task.id == task_id, Task.owner_id == user.id).first()
    if task is None:
        raise HTTPException(status_code=404, detail="Task not found")
    for field, value in task_in.model_dump(exclude_unset=True).items():
        setattr(task, field, value)
    db.commit()
    db.refresh(task)
    return task


@app.delete("/tasks/{task_id}", status_code=204)
def delete_task(task_id: int, db: Session = Depends(get_db)):
    task = db.get(Task, task_id)
    if task is None:
        raise HTTPException(status_code=404, detail="Task not found")
    db.delete(task)
    db.commit()


@app.post("/projects", status_code=201)
def create_project(project_in: ProjectCreate, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    project = Project(name=project_in.name, owner_id=user.id)
    db.add(project)
    db.commit()
    return {"id": project.id, "name": project.name}


@app.put("/users/me")
async def update_me(request: Request, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    payload = await request.json()
    for key, value in payload.items():
        setattr(user, key, value)
    db.commit()
    return {"id": user.id, "username": user.username}


@app.post("/teams/invite", status_code=201)
def invite_teammate(payload: dict = Body(...), current: User = Depends(get_current_user), db: Session = Depends(get_db)):
    teammate = User(**payload)
    teammate.team_id = current.team_id
    db.add(teammate)
    db.commit()
    return {"id": teammate.id}


@app.delete("/admin/tasks/{task_id}", status_code=204)
def admin_delete_task(task_id: int, admin: User = Depends(get_current_admin), db: Session = Depends(get_db)):
    task = db.get(Task, task_id)
    if task:
        db.delete(task)
        db.commit()


@app.post("/admin/reindex")
def reindex(x_admin: str | None = Header(default=None), db: Session = Depends(get_db)):
    if x_admin != "true":
        raise HTTPException(status_code=403, detail="Admins only")
    db.execute(Task.__table__.update().values(search_dirty=True))
    db.commit()
    return {"queued": True}


@app.post("/tasks/{task_id}/complete")
def complete_task(task_id: int, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    task = db.get(Task, task_id)
    if task is None or task.owner_id != user.id:
        raise HTTPException(status_code=404, detail="Task not found")
    task.done = True
    db.commit()
    return {"id": task.id, "done": True}
