# %% [markdown]
# # This notebook is being written

# %%
print("placeholder")
